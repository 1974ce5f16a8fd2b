"""One arrangement's page, as data: what the page of an arrangement shows, worked out here so that
the template only places it (:class:`ArrangementView`). ``e`` is always a public entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partreg import columns as cols
from partreg.changes import PublicChange
from partreg.export import public_significance, reviews_published
from partreg.models import FORM_LABELS, OUTCOME_LABELS, Arrangement, Kind, Settings, every
from partreg.published import (
    NOT_RECORDED,
    STATUS_LABELS,
    action_shown,
    award,
    clean,
    decision,
    definition_of,
    end_passed,
    end_shown,
    ended_early,
    extension,
    kind_label,
    lead_of,
    lead_service_of,
    pounds,
    reporting_shown,
    representative,
    safe_url,
    start_label,
    status_of,
    title_of,
    uk_date,
)
from partreg.review import ended_in_fact

#: The policy asks partners to agree their risks; a register that keeps them internal says so.
RISKS_NOT_PUBLISHED = "The council does not publish the risks of its partnerships on this register."


@dataclass(frozen=True)
class Element:
    heading: str
    items: list[str] = field(default_factory=list)
    text: str = ""


@dataclass(frozen=True)
class Detail:
    heading: str
    facts: list[tuple[str, str]]
    items: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LinkView:
    title: str
    url: str | None


@dataclass(frozen=True)
class ReviewView:
    date: str
    outcome: str
    by: str
    notes: str
    rating: str = ""
    actions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MoneyView:
    """One line of the money by year: who put in what in one financial year."""

    year: str
    by: str
    cash: str
    in_kind: str
    loan: str
    notes: str


@dataclass(frozen=True)
class ChangeView:
    """One public change to an arrangement: ``1 July 2026``, ``Review recorded: continue.``"""

    date: str
    iso: str
    what: str
    summary: str


@dataclass(frozen=True)
class DecisionView:
    text: str
    url: str | None


@dataclass(frozen=True)
class ArrangementView:
    id: str
    title: str
    kind_label: str
    definition: str
    status: str
    status_label: str
    summary: str
    lead: str
    member: str
    email: str
    phone: str
    priorities: list[str]
    partners: list[str]
    start: str
    #: ``Started``, ``Starts`` or ``Was to start`` (``published.start_label``).
    start_label: str
    end: str
    end_label: str
    statutory_basis: str
    agreement: str
    significance: str
    rating: str
    next_review: str
    last_changed: str
    elements: list[Element]
    details: list[Detail]
    reviews: list[ReviewView]
    links: list[LinkView]
    form: str = ""
    last_verified: str = ""
    reporting: str = ""
    representatives: list[str] = field(default_factory=list)
    money: list[MoneyView] = field(default_factory=list)
    decisions: list[DecisionView] = field(default_factory=list)
    #: ("Replaces", [pages]) and ("Replaced by", [pages]), where recorded.
    related: list[tuple[str, list[LinkView]]] = field(default_factory=list)
    #: "Partners", "Provider", "Recipient": what the policy calls the other parties of this kind.
    partners_heading: str = "Partners"
    statutory: str = NOT_RECORDED
    #: The public changes git records, newest first (``changes.register_changes``).
    changes: list[ChangeView] = field(default_factory=list)
    #: The lead service where no officer's role is recorded (with one, ``lead`` names it).
    service: str = ""
    #: Whether the page may say anything of reviews (not where the settings keep them internal).
    reviews_published: bool = True

    @property
    def facts(self) -> list[tuple[str, str]]:
        """The page's list of facts, in order: what every arrangement should record (``Not recorded``
        where it is missing), then the optional facts that are recorded."""
        pairs = [
            ("Kind", self.kind_label),
            ("Form", self.form),
            ("Status", self.status_label),
            ("Lead officer", self.lead or NOT_RECORDED),
            ("Lead service", self.service),
            ("Lead councillor", self.member),
            ("Email", self.email),
            ("Phone", self.phone),
            ("Corporate priorities", "; ".join(self.priorities)),  # a priority's name may hold a comma
            (self.start_label, self.start or NOT_RECORDED),
            (self.end_label, self.end),
            ("Statutory", self.statutory),
            ("Agreement", self.agreement),
            ("Significance", self.significance),
            ("Assurance rating", self.rating),
            ("Reports to", self.reporting),
            ("Next review", self.next_review),
            ("Last verified", self.last_verified),
            ("Last changed", self.last_changed),
        ]
        return [(label, value) for label, value in pairs if value]


def _life(e: Arrangement, today: dt.date) -> str:
    """Its life, as a partnership's timescales say it: ``ends on 31 March 2027``, ``ended in 2023``, or
    an end passed that a later review did not end."""
    assert e.end is not None
    if why := end_passed(e, today):
        return f"its end, {uk_date(e.end)}, has passed, but {why}"
    if ended_early(e, status_of(e, today), today):
        return f"ended before its recorded end, {uk_date(e.end)}"
    return f"{'ended' if ended_in_fact(e, today) else 'ends'} {e.end.when()}"


def significance_shown(e: Arrangement, settings: Settings) -> tuple[str, str]:
    """The significance as published, and how it was reached (``high``, ``by the council's tests:
    ...``); empty where there is none, or the settings keep it internal. ``e`` is a public entry."""
    found = public_significance(e, settings)
    if found is None or found.level is None:
        return "", ""
    return found.level, clean(found.explain())


def _resources(e: Arrangement) -> list[str]:
    """What the council and the partners put in, as recorded: a line for each."""
    r, out = e.resources, []
    if r and r.council:
        council = [
            pounds(r.council.funding_gbp) and f"{pounds(r.council.funding_gbp)} a year",
            clean(r.council.staff),
            clean(r.council.other),
        ]
        if any(council):
            out.append("The council: " + ", ".join(c for c in council if c))
    if r and r.partners:
        out.append(f"The partners: {clean(r.partners)}")
    return out


def arrangement_view(
    e: Arrangement,
    settings: Settings,
    today: dt.date,
    last_changed: str = "",
    ids: frozenset[str] | None = None,
    changes: list[ChangeView] | None = None,
) -> ArrangementView:
    """One arrangement's page content; ``e`` is a public entry (``export.public_entry``). A page
    links to another entry's page where ``ids`` holds it; ``changes`` are its public changes."""
    names = settings.priorities
    elements: list[Element] = []
    resources = _resources(e)
    if e.kind is Kind.PARTNERSHIP:
        outcomes = [
            " — ".join(
                x
                for x in (
                    clean(o.description),
                    o.measure and f"measured by {clean(o.measure)}",
                    o.target and f"target: {clean(o.target)}",
                    o.by and f"by {uk_date(o.by)}",
                )
                if x
            )
            for o in e.outcomes
        ]
        elements = [
            Element("Shared objectives", [clean(o) for o in e.objectives]),
            Element("Resources", resources),
            Element("Measurable outcomes", outcomes),
            Element("Added value", text=clean(e.added_value)),
        ]
        if settings.publish.risks:
            risks = [
                clean(k.description)
                + (f" (likelihood {k.likelihood}, impact {k.impact})" if k.likelihood and k.impact else "")
                + (f" — mitigation: {clean(k.mitigation)}" if k.mitigation else "")
                for k in e.risks
            ]
            elements.append(Element("Risks", risks))
        else:
            elements.append(Element("Risks", text=RISKS_NOT_PUBLISHED))
        months = e.review.months if e.review and e.review.months else None
        timescale = ", ".join(
            x
            for x in (
                months and f"reviewed {every(months, 'month')}",
                e.end and _life(e, today),
            )
            if x
        )
        if not reviews_published(settings):  # (the public entry's review is the default, not the file's)
            timescale = "; ".join(x for x in (timescale, cols.REVIEWS_NOT_PUBLISHED) if x)
        elements.append(Element("Timescales for review or life", text=timescale[:1].upper() + timescale[1:]))
    details: list[Detail] = []
    if e.kind is not Kind.PARTNERSHIP and resources:  # (a partnership's are among what it agreed)
        details.append(Detail("Resources", [], resources))
    if e.contract:
        c = e.contract
        details.append(
            Detail(
                "Contract",
                [
                    ("Reference", clean(c.reference)),
                    ("Value", pounds(c.value_gbp)),
                    ("Annual value", pounds(c.annual_value_gbp) and f"{pounds(c.annual_value_gbp)} a year"),
                    ("Whole-life value", pounds(c.whole_life_value_gbp)),
                    ("Procured by", clean(c.procurement_route)),
                    ("Supplier registration", clean(c.supplier_registration)),
                ],
                [f"Extension: {extension(x)}" for x in c.extensions],
            )
        )
    if e.funding:
        f = e.funding
        period = (
            f"{uk_date(f.period_start)} to {uk_date(f.period_end)}" if f.period_start and f.period_end else ""
        )
        details.append(
            Detail(
                "Funding",
                [("Amount", pounds(f.amount_gbp)), ("Period", period), ("Awarded", uk_date(f.award_date))],
                [clean(a) for a in f.actions],
            )
        )
        if f.awards:
            details.append(Detail(f"Grants awarded ({len(f.awards)})", [], [award(a) for a in f.awards]))
    if e.exit_strategy:
        details.append(Detail("Exit strategy", [("Exit strategy", clean(e.exit_strategy))]))
    agreement = ""
    if e.agreement and e.agreement.type != "none":
        kind_of = (e.agreement.type or "agreement (type not recorded)").replace("-", " ").capitalize()
        said = " ".join(
            x
            for x in (clean(e.agreement.reference), e.agreement.date and f"({uk_date(e.agreement.date)})")
            if x
        )
        agreement = f"{kind_of}: {said}" if said else kind_of
    history = e.review.history if e.review else []
    status = status_of(e, today)
    lead = e.lead
    level, basis = significance_shown(e, settings)
    related = [
        (
            label,
            [
                LinkView(clean(other), f"{other}.html" if ids is not None and other in ids else None)
                for other in found
            ],
        )
        for label, found in (("Replaces", e.replaces), ("Replaced by", e.replaced_by))
        if found
    ]
    return ArrangementView(
        id=e.id,
        title=title_of(e),
        kind_label=kind_label(e.kind),
        definition=definition_of(e.kind),
        status=status,
        status_label=STATUS_LABELS[status],
        summary=clean(e.summary),
        lead=lead_of(e),
        member=clean(lead.member) if lead else "",
        email=clean(lead.email) if lead else "",
        phone=clean(lead.phone) if lead else "",
        priorities=[clean(names.get(p, p)) for p in e.priorities],
        partners=[
            clean(p.name or "Name not recorded")
            + (f" ({p.sector})" if p.sector else "")
            + (f": {clean(p.role)}" if p.role else "")
            for p in e.partners
        ],
        start=uk_date(e.start),
        start_label=start_label(e, status, today),
        end_label=(end := end_shown(e, status, today))[0],
        end=end[1],
        statutory_basis=clean(e.statutory_basis),
        agreement=agreement,
        significance=f"{level.capitalize()} — {basis}" if basis else level.capitalize(),
        rating=clean(e.rating),
        next_review=cols.next_review_fact(e, settings, today, status),
        reviews_published=reviews_published(settings),
        last_changed=last_changed,
        elements=elements,
        details=details,
        reviews=[
            ReviewView(
                uk_date(r.date) or NOT_RECORDED,
                OUTCOME_LABELS[r.outcome] if r.outcome else NOT_RECORDED,
                clean(r.by),
                clean(r.notes),
                clean(r.rating).capitalize(),
                [action_shown(a) for a in r.actions],
            )
            for r in sorted(history, key=lambda r: r.date.earliest if r.date else dt.date.min, reverse=True)
        ],
        links=[LinkView(clean(link.title or link.url), safe_url(link.url)) for link in e.links],
        form=FORM_LABELS.get(e.form, "") if e.form else "",
        last_verified=uk_date(e.last_verified),
        reporting=reporting_shown(e),
        representatives=[representative(r) for r in e.representatives],
        money=[
            MoneyView(
                clean(c.year) or NOT_RECORDED,
                "The council" if (c.by or "").casefold() == "council" else clean(c.by) or NOT_RECORDED,
                pounds(c.cash_gbp),
                pounds(c.in_kind_gbp),
                pounds(c.loan_gbp),
                clean(c.notes),
            )
            for c in sorted(e.contributions, key=lambda c: c.year or "")
        ],
        decisions=[DecisionView(decision(d), safe_url(d.url)) for d in e.decisions],
        related=related,
        partners_heading=cols.other_party(e.kind, len(e.partners) or 2),
        statutory=cols.statutory(e),
        changes=changes or [],
        service=lead_service_of(e),
    )


def change_views(changes: dict[str, list[PublicChange]]) -> dict[str, list[ChangeView]]:
    """Each arrangement's public changes as its page lists them, newest first, by id."""
    return {
        key: [ChangeView(uk_date(dt.date.fromisoformat(c.day)), c.day, c.what, c.summary) for c in found]
        for key, found in changes.items()
    }
