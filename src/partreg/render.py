"""The published register: HTML pages, a Markdown twin, and open data, as strings.

Everything a template shows is computed here into a declared context
(:class:`Page`, :class:`Index`, :class:`ArrangementView`); templates only
place it. Only public fields reach the context (``export.public_record``).
HTML is autoescaped; Markdown is escaped by the environment's ``finalize``,
so a value is escaped unless partreg built it itself (:class:`Raw`). Links
keep only ``http``, ``https`` and ``mailto`` addresses. Every page carries a
Content-Security-Policy that allows only its own inline style and script,
by their hashes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import os
import re
import secrets
import stat
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    select_autoescape,
)
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from partreg import __version__
from partreg import columns as cols
from partreg.changes import PublicChange
from partreg.classify import DEFINITIONS
from partreg.columns import NOT_RECORDED, Cell, Column, Money, Total, clean, pounds, uk_date
from partreg.errors import PartregError
from partreg.export import (
    csv_writer,
    full_record,
    latest_contributions,
    public_entries,
    public_significance,
    spreadsheet_safe,
)
from partreg.models import (
    FORM_LABELS,
    FORMAT_VERSION,
    KIND_LABELS,
    OUTCOME_LABELS,
    Arrangement,
    Award,
    Decision,
    Extension,
    IndexColumn,
    Kind,
    Representative,
    ReviewAction,
    Settings,
    Status,
)
from partreg.review import ended_in_fact, last_review

SECTION_HEADINGS = {
    Kind.PARTNERSHIP: "Partnerships",
    Kind.CONTRACT: "Contracts",
    Kind.JOINT_WORKING: "Joint working arrangements",
    Kind.COMMUNITY_FUNDING: "Community funding arrangements",
}
DEFAULT_INTRODUCTION = (
    "This register lists the partnerships and other arrangements the council has entered with other "
    "bodies: partnerships, contracts, joint working and community funding, each as the council's "
    "partnership policy defines it. The register is reviewed annually and updated accordingly."
)
#: Characters that reorder text on screen (the "Trojan Source" trick): removed from every published value.
CSV_COLUMNS = (
    "id",
    "title",
    "kind",
    "status",
    "summary",
    "lead_role",
    "lead_service",
    "lead_member",
    "priorities",
    "partners",
    "statutory_basis",
    "start",
    "end",
    "council_funding_gbp",
    "contract_value_gbp",
    "funding_amount_gbp",
    "last_review",
    "next_review",
    "page",
    # format 1.1: after the columns of 1.0, so that a reader by position finds those where they were
    "form",
    "representatives",
    "decisions",
    "reporting_committee",
    "reporting_months",
    "last_report",
    "contributions_year",
    "council_cash_gbp",
    "council_in_kind_gbp",
    "council_loan_gbp",
    "partners_total_gbp",
    "contract_annual_value_gbp",
    "contract_whole_life_value_gbp",
    "contract_extensions",
    "rating",
    "last_review_outcome",
    "significance",
    "significance_basis",
    "replaces",
    "replaced_by",
    "last_verified",
)
#: The field each column of format 1.1 is read from: where the settings keep that field internal, the
#: column is left out of the open data (the columns of format 1.0 are always there, empty if need be).
COLUMN_FIELDS = {
    "form": "form",
    "representatives": "representatives",
    "decisions": "decisions",
    "reporting_committee": "reporting",
    "reporting_months": "reporting",
    "last_report": "reporting",
    "contributions_year": "contributions",
    "council_cash_gbp": "contributions",
    "council_in_kind_gbp": "contributions",
    "council_loan_gbp": "contributions",
    "partners_total_gbp": "contributions",
    "contract_annual_value_gbp": "contract",
    "contract_whole_life_value_gbp": "contract",
    "contract_extensions": "contract",
    "rating": "rating",
    "last_review_outcome": "review",
    "significance": "significance",
    "significance_basis": "significance",
    "replaces": "replaces",
    "replaced_by": "replaced_by",
    "last_verified": "last_verified",
}


def open_data_columns(settings: Settings) -> tuple[str, ...]:
    """The columns of the open data: :data:`CSV_COLUMNS`, but those of fields kept internal."""
    hidden = set(settings.internal_fields)
    return tuple(c for c in CSV_COLUMNS if COLUMN_FIELDS.get(c) not in hidden)


#: Columns that hold a list: joined with "; " in the CSV, a list in the JSON.
LIST_COLUMNS = (
    "priorities",
    "partners",
    "representatives",
    "decisions",
    "contract_extensions",
    "replaces",
    "replaced_by",
)
NO_HTML = Markup("")
#: The section of arrangements whose kind is not recorded: after the policy's four, when there are any.
UNKNOWN_KIND = "kind-not-recorded"
#: The policy asks partners to agree their risks; a register that keeps them internal says so.
RISKS_NOT_PUBLISHED = "The council does not publish the risks of its partnerships on this register."
UNKNOWN_KIND_HEADING = "Arrangements whose kind is not recorded"
UNKNOWN_KIND_DEFINITION = "The register does not yet record which of the policy's four kinds these are."
STATUS_LABELS = {
    "active": "Active",
    "proposed": "Proposed",
    "ended": "Ended",
    "not-recorded": "Status not recorded",
}


def status_of(e: Arrangement, today: dt.date) -> str:
    """The status to publish: ended when its end has passed, whatever the file says."""
    if e.status is Status.ENDED or ended_in_fact(e, today):
        return "ended"
    return e.status.value if e.status else "not-recorded"


def kind_label(kind: Kind | None) -> str:
    return KIND_LABELS[kind] if kind else "Kind not recorded"


def kind_value(kind: Kind | None) -> str:
    """The kind as the page's filters and anchors name it."""
    return kind.value if kind else UNKNOWN_KIND


def definition_of(kind: Kind | None) -> str:
    if kind is None:
        return "The register does not yet record which of the policy's four kinds of arrangement this is."
    return f"The council's policy defines {KIND_LABELS[kind].lower()} as {DEFINITIONS[kind]}."


def lead_of(e: Arrangement) -> str:
    """``Role, Service`` as far as they are recorded."""
    parts = [clean(e.lead.role), clean(e.lead.service)] if e.lead else []
    return ", ".join(p for p in parts if p)


# --------------------------------------------------------------------------- the context


@dataclass(frozen=True)
class Page:
    """What every HTML page knows: whose register, when, and its own style and script."""

    council: str
    title: str
    generated: str
    version: str
    root: str  # "" for the index, "../" for an arrangement page
    style: Markup
    script: Markup | None
    csp: str
    #: The day published, in words (``24 November 2026``; ``generated`` is ISO).
    generated_on: str = ""
    #: The files of open data the footer lists.
    downloads: tuple[Download, ...] = ()
    #: The change feed's file name, where there is one (the register is in git).
    feed: str = ""


@dataclass(frozen=True)
class Download:
    """One file of open data: its name in the site, what it holds, and whether a browser saves it."""

    name: str
    about: str
    download: bool = True


@dataclass(frozen=True)
class Extra:
    """A further file of open data the site carries: its name, what it holds, and its text."""

    name: str
    about: str
    text: str


#: The change feed's name in the site.
FEED = "changes.atom"


@dataclass(frozen=True)
class Statement:
    """The accessibility statement's facts (``accessibility.html``)."""

    status: str  # fully | partially | not | "" (the council has not assessed it)
    contact: str
    contact_url: str | None
    issues: list[str]
    prepared: str
    url: str


@dataclass
class Row:
    """One arrangement in the index; ``render_part`` adds its fragments, ``build_index`` its anchor
    and, once the columns are chosen, its whole row."""

    id: str
    title: str
    url: str
    anchor_md: str
    kind: str
    kind_label: str
    form: str
    status: str
    status_label: str
    priorities: list[str]
    priority_ids: list[str]
    search: str
    #: Every column's cell (``columns.cells``): the page shows those the settings choose.
    cells: dict[str, Cell]
    money: Money
    next_review_sort: str
    #: Columns the entry records something for that the defaults show only where some entry does.
    recorded: frozenset[str] = frozenset()
    html_cells: dict[str, Markup] = field(default_factory=dict)  # each cell as index.html shows it
    html_head: Markup = NO_HTML  # the row's opening and its name (index_parts.html)
    html: Markup = NO_HTML  # its whole row of index.html's table, made by ``build_index``
    html_item: Markup = NO_HTML  # its line in index.html's lists by priority
    md: str = ""  # its row of register.md's table (register_parts.md), made by ``build_index``

    def __reduce__(self) -> tuple[type[Row], tuple[Any, ...]]:
        # sent from worker processes by the thousand: as a tuple, unpickled in half the time
        return Row, tuple(self.__dict__.values())


@dataclass(frozen=True)
class Section:
    kind: str
    heading: str
    anchor: str
    definition: str
    caption: str
    columns: list[Column]
    rows: list[Row]


@dataclass(frozen=True)
class Priority:
    id: str
    name: str
    entries: list[Row]


@dataclass(frozen=True)
class Index:
    introduction: str
    #: Each kind's count and the council's money in its current arrangements.
    totals: list[Total]
    sections: list[Section]
    #: The corporate priorities some arrangement serves; ``unserved`` names the rest.
    priorities: list[Priority]
    unserved: list[str]
    statuses: list[tuple[str, str]]
    #: How many register files could not be read, so are not shown (``render --allow-incomplete``).
    left_out: int = 0
    #: Arrangements whose next review has passed.
    overdue: int = 0
    #: Arrangements not ended that record neither a review nor a start: when a review is due is not known.
    undated: int = 0
    #: The register's default months between reviews.
    review_months: int = 12


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

    @property
    def facts(self) -> list[tuple[str, str]]:
        """The page's list of facts, in order: what every arrangement should record (``Not recorded``
        where it is missing), then the optional facts that are recorded."""
        pairs = [
            ("Kind", self.kind_label),
            ("Form", self.form),
            ("Status", self.status_label),
            ("Lead officer", self.lead or NOT_RECORDED),
            ("Lead councillor", self.member),
            ("Email", self.email),
            ("Phone", self.phone),
            ("Corporate priorities", ", ".join(self.priorities)),
            ("Started", self.start or NOT_RECORDED),
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


# --------------------------------------------------------------------------- values


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http, https or mailto address, else ``None`` (shown as text, not a link)."""
    if not url:
        return None
    text = "".join(ch for ch in url.strip() if unicodedata.category(ch)[0] != "C")
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    return text if scheme in ("http", "https", "mailto") and text == url.strip() else None


def github_slugs(headings: Iterable[str]) -> list[str]:
    """The anchors GitHub gives Markdown headings, in order (repeats get -1, -2, ...)."""
    seen: dict[str, int] = {}
    out = []
    for heading in headings:
        slug = re.sub(r"[^\w\- ]", "", heading.lower(), flags=re.UNICODE).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.append(slug if n == 0 else f"{slug}-{n}")
    return out


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _csp(style: str, script: str | None) -> str:
    parts = [
        "default-src 'none'",
        f"style-src {_csp_hash(style)}",
        f"script-src {_csp_hash(script)}" if script else "script-src 'none'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    return "; ".join(parts)


# --------------------------------------------------------------------------- building


def register_order(row: Row) -> tuple[bool, str]:
    """The order of the published register: current arrangements first, then by title."""
    return row.status == "ended", row.title.casefold()


def build_index(rows: list[Row], settings: Settings, anchor: str = "", left_out: int = 0) -> Index:
    """The index of ``rows`` (in file order). Each row's Markdown anchor is decided here, where
    every title is known: the ``anchor`` that stood for it in the row's Markdown is replaced. The
    columns are chosen here too, where it is known which an entry records. ``left_out`` files could
    not be read: the page says so."""
    ordered = sorted(rows, key=register_order)
    unknown = [r for r in ordered if r.kind == UNKNOWN_KIND]
    headings = [
        f"{settings.title}: {settings.council}",
        "At a glance",
        *SECTION_HEADINGS.values(),
        *([UNKNOWN_KIND_HEADING] if unknown else []),
        "Arrangements",
    ]
    slugs = github_slugs([*headings, *(r.title for r in ordered)])[len(headings) :]
    picked = cols.chosen(settings, {IndexColumn(c) for r in rows for c in r.recorded})
    keys = [c.value for c in picked]
    for row, slug in zip(ordered, slugs, strict=True):
        row.anchor_md = f"#{slug}"
        if row.html_head:
            row.html = Markup("").join([row.html_head, *(row.html_cells[k] for k in keys), Markup("</tr>\n")])
        if anchor:
            row.md = row.md.replace(anchor, quote(slug, safe=_URL_SAFE))
        if row.md:
            row.md = "| " + " | ".join([row.md, *(md(row.cells[k].text) for k in keys)]) + " |\n"
    sections, totals = [], []
    for kind in (*Kind, None):  # the policy's four kinds, then any entries whose kind is not recorded
        kind_rows = [r for r in ordered if r.kind == kind_value(kind)]
        if kind is None and not kind_rows:
            continue
        heading = SECTION_HEADINGS[kind] if kind else UNKNOWN_KIND_HEADING
        sections.append(
            Section(
                kind=kind_value(kind),
                heading=heading,
                anchor=kind_value(kind),
                definition=definition_of(kind) if kind else UNKNOWN_KIND_DEFINITION,
                caption=f"{heading} ({len(kind_rows)})",
                columns=[Column("name", "Name"), *cols.columns(picked, kind)],
                rows=kind_rows,
            )
        )
        totals.append(cols.totals(kind, heading, [(r.money, r.status) for r in kind_rows]))
    priorities = [
        Priority(clean(pid), clean(name), [r for r in ordered if clean(pid) in r.priority_ids])
        for pid, name in settings.priorities.items()
    ]
    statuses = [(s, STATUS_LABELS[s]) for s in STATUS_LABELS if any(r.status == s for r in rows)]
    introduction = clean(settings.publish.introduction or DEFAULT_INTRODUCTION)
    nexts = [r.cells[IndexColumn.NEXT_REVIEW.value] for r in rows if r.status != "ended"]
    overdue = sum(bool(c.mark) for c in nexts)
    undated = sum(c.missing for c in nexts)
    return Index(
        introduction,
        totals,
        sections,
        [p for p in priorities if p.entries],
        [p.name for p in priorities if not p.entries],
        statuses,
        left_out,
        overdue,
        undated,
        settings.review.default_months,
    )


def _row(e: Arrangement, settings: Settings, today: dt.date, anchor: str) -> Row:
    names = settings.priorities
    status = status_of(e, today)
    level, _ = significance_shown(e, settings)
    cells = cols.cells(e, settings, today, status, level)
    partners = "; ".join(clean(p.name) for p in e.partners if p.name)
    priorities = [clean(names.get(p, p)) for p in e.priorities]
    lead = e.lead
    who = [clean(x) for x in ((lead.role, lead.service, lead.member) if lead else ()) if x]
    search = " ".join([clean(e.name), partners, clean(e.summary), *who, *priorities, kind_label(e.kind)])
    recorded = {IndexColumn.SIGNIFICANCE.value: bool(level), IndexColumn.RATING.value: bool(e.rating)}
    return Row(
        id=e.id,
        title=clean(e.name),
        url=f"arrangements/{e.id}.html",
        anchor_md=f"#{anchor}",
        kind=kind_value(e.kind),
        kind_label=kind_label(e.kind),
        form=FORM_LABELS.get(e.form, "") if e.form else "",
        status=status,
        status_label=STATUS_LABELS[status],
        priorities=priorities,
        priority_ids=[clean(p) for p in e.priorities],
        search=search.casefold(),
        cells=cells,
        money=cols.money_of(e),
        next_review_sort=cells[IndexColumn.NEXT_REVIEW.value].sort,
        recorded=frozenset(k for k, v in recorded.items() if v),
    )


def uk_date_text(iso: str) -> str:
    """``2026-11-24`` as ``24 November 2026``; text that is no date as it is."""
    try:
        return uk_date(dt.date.fromisoformat(iso))
    except ValueError:
        return clean(iso)


def next_review_fact(e: Arrangement, settings: Settings, today: dt.date, status: str) -> str:
    """``1 July 2026``, ``1 November 2015 (overdue)`` or ``Not known``; empty once it has ended."""
    if status == "ended":
        return ""
    cell = cols.next_review_cell(e, settings, today, status)
    return cell.lines[0] + (f" ({cell.mark.lower()})" if cell.mark else "")


def significance_shown(e: Arrangement, settings: Settings) -> tuple[str, str]:
    """The significance as published, and how it was reached (``high``, ``by the council's tests:
    ...``); empty where there is none, or the settings keep it internal. ``e`` is a public entry."""
    found = public_significance(e, settings)
    if found is None or found.level is None:
        return "", ""
    return found.level, clean(found.explain())


def representative(r: Representative) -> str:
    """``Cllr A. Patel, Portfolio Holder for Housing (voting member, appointed May 2024)``."""
    who = ", ".join(clean(x) for x in (r.member, r.role) if x)
    how = ", ".join(x for x in (clean(r.capacity), r.appointed and f"appointed {uk_date(r.appointed)}") if x)
    return f"{who} ({how})" if how else who


def decision(d: Decision) -> str:
    """``13 March 2024, Cabinet (Minute 123): Agreed the terms of reference.``"""
    head = ", ".join(x for x in (uk_date(d.date), clean(d.body)) if x) or "Decision"
    ref = f" ({clean(d.reference)})" if d.reference else ""
    return f"{head}{ref}: {clean(d.summary)}" if d.summary else f"{head}{ref}"


def extension(x: Extension) -> str:
    """``3 years, to 31 March 2030 (available)``."""
    years = x.years and f"{x.years:g} year{'' if x.years == 1 else 's'}"
    parts = [p for p in (years, x.until and f"to {uk_date(x.until)}") if p]
    return ", ".join(parts or ["An extension"]) + (f" ({x.status})" if x.status else "")


def reporting_shown(e: Arrangement) -> str:
    """``Audit and Scrutiny Committee, every 12 months; last reported 12 March 2025``."""
    r = e.reporting
    if r is None:
        return ""
    head = ", ".join(x for x in (clean(r.committee), r.months and f"every {r.months} months") if x)
    last = r.last_report and f"last reported {uk_date(r.last_report)}"
    return "; ".join(x for x in (head, last) if x)


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
    if e.kind is Kind.PARTNERSHIP:
        r = e.resources
        resources = []
        if r and r.council:
            council = [
                pounds(r.council.funding_gbp) and f"{pounds(r.council.funding_gbp)} a year",
                clean(r.council.staff),
                clean(r.council.other),
            ]
            resources.append("The council: " + ", ".join(c for c in council if c))
        if r and r.partners:
            resources.append(f"The partners: {clean(r.partners)}")
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
                months and f"reviewed every {months} months",
                e.end and f"{'ended' if ended_in_fact(e, today) else 'ends'} {e.end.when()}",
            )
            if x
        )
        elements.append(Element("Timescales for review or life", text=timescale))
    details: list[Detail] = []
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
        title=clean(e.name),
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
        end=uk_date(e.end),
        end_label="Ended" if status == "ended" else "Ends",
        statutory_basis=clean(e.statutory_basis),
        agreement=agreement,
        significance=f"{level.capitalize()} — {basis}" if basis else level.capitalize(),
        rating=clean(e.rating),
        next_review=next_review_fact(e, settings, today, status),
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
    )


def award(a: Award) -> str:
    """``Riverside Youth Club: £1,500, awarded 1 May 2025, for 1 June 2025 to 31 March 2026 — Summer
    activities``: one grant of a scheme, as far as it is recorded."""
    when = a.award_date and f"awarded {uk_date(a.award_date)}"
    period = a.period_start and a.period_end and f"for {uk_date(a.period_start)} to {uk_date(a.period_end)}"
    said = ", ".join(x for x in (pounds(a.amount_gbp) or "amount not recorded", when, period) if x)
    purpose = f" — {clean(a.purpose)}" if a.purpose else ""
    return f"{clean(a.recipient) or 'Recipient not recorded'}: {said}{purpose}"


def action_shown(a: ReviewAction) -> str:
    """``Agree a data sharing protocol (Community Safety Manager; due December 2025; done ...)``."""
    said = [clean(a.owner), a.due and f"due {uk_date(a.due)}", a.done and f"done {uk_date(a.done)}"]
    detail = "; ".join(x for x in said if x)
    return f"{clean(a.description) or 'Action'}{f' ({detail})' if detail else ''}"


# --------------------------------------------------------------------------- Markdown


class Raw(str):
    """Markdown partreg built itself (escaped parts already); passed through unescaped."""


#: Characters that change meaning anywhere in a line (emphasis, links, code, HTML, tables, entities).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
#: What starts a block (heading, quote, list, setext underline) when it begins the text.
_MD_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
#: Text that :func:`md` leaves as it is: words of ordinary characters, one space apart, that start no block.
_MD_PLAIN = re.compile(r"(?![#>+=-]|\d+[.)])[^\s\\`*_\[\]<>|~&]+(?: [^\s\\`*_\[\]<>|~&]+)*")


def md(value: Any) -> str:
    """Text that Markdown shows as written: one line, no HTML, nothing that starts a block."""
    if isinstance(value, Raw):
        return value
    text = clean(value)
    return text if _MD_PLAIN.fullmatch(text) else md_escape(text)


def md_escape(text: str) -> str:
    """:func:`md`'s work on any text; most text needs none of it (``_MD_PLAIN``), a test checks they agree."""
    text = " ".join(text.split())  # a newline would end a table row or start a block
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def md_link(text: str, target: str) -> Raw:
    target = target if target.startswith("#") else (safe_url(target) or "")
    return Raw(f"[{md(text)}](<{quote(target, safe=_URL_SAFE)}>)" if target else md(text))


_URL_SAFE = ":/#?&=%@+,;~"


# --------------------------------------------------------------------------- the site


def template_dirs(register_root: Path | None, package_templates: Path) -> list[Path]:
    """A register's own ``templates/`` first (to override any template), then partreg's, always last."""
    own = register_root / "templates" if register_root else None
    return [d for d in (own, package_templates) if d is not None and d.is_dir()]


class TemplateFolders(FileSystemLoader):
    """Templates read as register files are: never through a symbolic link (a link in a register's
    ``templates/`` could publish any file on the machine, CI's secrets included), and as UTF-8."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            path = os.path.join(folder, *pieces)
            if os.path.lexists(path):
                break
        else:
            raise TemplateNotFound(template)
        linked = [p for p in (folder, *_steps(folder, pieces)) if os.path.islink(p)]
        if linked or os.path.islink(os.path.dirname(folder)):
            raise TemplateError(
                f"{path}: a template is reached through a symbolic link; copy the file in instead"
            )
        try:
            with open(
                os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)), "rb"
            ) as f:
                if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                    raise TemplateError(f"{path}: a template must be a file")
                source = f.read().decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateError(f"{path}: a template must be saved as UTF-8") from None
        except OSError as e:
            raise TemplateError(f"{path}: cannot be read ({e.strerror or e})") from None
        return source, os.path.normpath(path), lambda: False


def _steps(folder: str, pieces: list[str]) -> Iterator[str]:
    """Each path from ``folder`` down to the template, the template included."""
    for n in range(1, len(pieces) + 1):
        yield os.path.join(folder, *pieces[:n])


def environments(dirs: list[Path], *, sandboxed: bool) -> tuple[Environment, Environment]:
    """The HTML and Markdown environments. ``sandboxed`` where the register supplies templates of its
    own: a pull request that changes one must not run Python in CI, so such templates may only read
    the values given them (Jinja's sandbox refuses ``__class__``, ``__globals__`` and the like)."""
    loader = ChoiceLoader(
        [TemplateFolders([d / "html" for d in dirs]), TemplateFolders([d / "markdown" for d in dirs])]
    )
    kind = SandboxedEnvironment if sandboxed else Environment
    html = kind(
        loader=loader,
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    markdown = kind(
        loader=loader,
        autoescape=False,
        undefined=StrictUndefined,
        finalize=md,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    markdown.globals.update(raw=Raw, md_link=md_link)
    return html, markdown


class TemplateFailed(PartregError):
    """A template failed: the message says where and why (:func:`template_failure`)."""


def template_failure(error: BaseException) -> str | None:
    """Where a template failed and why, in one line (``templates/html/page.html:3: what``), or
    ``None`` where ``error`` is no template's failure.

    A syntax error names its place; a failure while rendering (a value the
    template names that does not exist, what the sandbox refuses, a division
    by zero) is found in the traceback, where Jinja puts the template's line.
    """
    if isinstance(error, TemplateFailed):
        return str(error)
    name, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    trace = error.__traceback__ if name is None else None
    while trace is not None:  # the innermost template's frame
        if trace.tb_frame.f_code.co_filename.endswith(TEMPLATE_SUFFIXES):
            name, line = trace.tb_frame.f_code.co_filename, trace.tb_lineno
        trace = trace.tb_next
    if name is None and not isinstance(error, TemplateError):
        return None
    where = f"{name}:{line}: " if name else ""
    return f"{where}{type(error).__name__}: {str(error).rstrip('.')}"


TEMPLATE_SUFFIXES = (".html", ".md", ".css", ".js")


@dataclass(frozen=True)
class Publication:
    """What rendering any arrangement needs, made once: for a large register, before the
    worker processes start, which then share it."""

    settings: Settings
    today: dt.date
    formats: frozenset[str]
    changed: dict[str, str]
    index_page: Page
    page: Page
    templates: dict[str, Template]
    #: Stands in for each row's Markdown anchor until every title is known (``build_index``).
    anchor: str
    #: The ids of the entries published, whose pages a page may link to (``None``: not known).
    ids: frozenset[str] | None = None
    #: The open data's columns (``open_data_columns``).
    columns: tuple[str, ...] = CSV_COLUMNS
    #: Each arrangement's public changes, newest first, by id.
    history: dict[str, list[ChangeView]] = field(default_factory=dict)
    #: The index's columns any row could need: those chosen, and those shown where any entry records them.
    index_columns: list[IndexColumn] = field(default_factory=lambda: list(IndexColumn))
    #: ``changes.atom``, where the register is in git.
    feed: str = ""
    extra: tuple[Extra, ...] = ()


def publication(
    settings: Settings,
    today: dt.date,
    dirs: list[Path],
    formats: Iterable[str] = ("html", "markdown", "data"),
    last_changed: dict[str, str] | None = None,
    *,
    history: dict[str, list[ChangeView]] | None = None,
    feed: str = "",
    extra: Iterable[Extra] = (),
) -> Publication:
    """Everything rendering needs that is the same for every arrangement: templates compiled once,
    the pages' shared head, and the settings. ``history`` holds each arrangement's public changes
    and ``feed`` their Atom feed (``changes.atom``), where the register is in git; ``extra`` are
    further files of open data (the statutory exports)."""
    formats = frozenset(formats)
    extra = tuple(extra)
    html, markdown = environments(dirs, sandboxed=len(dirs) > 1)  # the register's own folder is first
    style = html.loader.get_source(html, "style.css")[0]  # type: ignore[union-attr]
    script = html.loader.get_source(html, "filter.js")[0]  # type: ignore[union-attr]
    downloads = [
        *(
            (
                Download("register.csv", "every arrangement's public facts, a row each (CSV)"),
                Download("register.json", "the same, with each arrangement's record as kept (JSON)"),
            )
            if "data" in formats
            else ()
        ),
        *(
            (Download("register.md", "this register as one Markdown page", download=False),)
            if "markdown" in formats
            else ()
        ),
        *(
            (Download(FEED, "the changes to the register, newest first (an Atom feed)", download=False),)
            if feed
            else ()
        ),
        *(Download(x.name, x.about) for x in extra),
    ]
    index_page = Page(
        council=clean(settings.council),
        title=clean(settings.title),
        generated=today.isoformat(),
        version=__version__,
        root="",
        style=Markup(style),
        script=Markup(script),
        csp=_csp(style, script),
        generated_on=uk_date(today),
        downloads=tuple(downloads),
        feed=FEED if feed else "",
    )
    templates = {
        "index.html": html.get_template("index.html"),
        "arrangement.html": html.get_template("arrangement.html"),
        "index_parts.html": html.get_template("index_parts.html"),
        "accessibility.html": html.get_template("accessibility.html"),
        "register.md": markdown.get_template("register.md"),
        "register_parts.md": markdown.get_template("register_parts.md"),
    }
    return Publication(
        settings=settings,
        today=today,
        formats=frozenset(formats),
        changed=last_changed or {},
        index_page=index_page,
        page=replace(index_page, root="../", script=None, csp=_csp(style, None)),
        templates=templates,
        # letters only, so escaping and URL quoting leave it whole; random, so no title can contain it
        anchor="partreg" + secrets.token_hex(8),
        columns=open_data_columns(settings),
        history=history or {},
        feed=feed,
        extra=extra,
        index_columns=cols.chosen(settings, set(IndexColumn)),
    )


@dataclass(frozen=True)
class Part:
    """One arrangement's share of the site, rendered on its own (in a worker process, for a
    large register): its page, its rows of the index, its section of register.md, and its
    lines of the open data."""

    row: Row
    page: str = ""
    section: str = ""
    csv: str = ""
    json: str = ""

    def __reduce__(self) -> tuple[type[Part], tuple[Any, ...]]:
        return Part, (self.row, self.page, self.section, self.csv, self.json)


def render_part(e: Arrangement, pub: Publication) -> Part:
    """``e``'s share of the site; ``e`` is a public entry (``export.public_entry``)."""
    settings, formats, templates = pub.settings, pub.formats, pub.templates
    row = _row(e, settings, pub.today, pub.anchor)
    history = pub.history.get(e.id)
    changed = history[0].date if history else uk_date_text(pub.changed.get(e.id, ""))
    view = arrangement_view(e, settings, pub.today, changed, pub.ids, history)
    page = section = csv_line = json_line = ""
    if "html" in formats:
        page = templates["arrangement.html"].render(page=pub.page, a=view)
        parts = templates["index_parts.html"].module
        row.html_head, row.html_item = parts.head(row), parts.item(row)  # type: ignore[attr-defined]
        row.html_cells = {
            c.key: parts.cell(row, c, row.cells[c.key])  # type: ignore[attr-defined]
            for c in cols.columns(pub.index_columns, e.kind)
        }
    if "markdown" in formats:
        parts = templates["register_parts.md"].module
        row.md = parts.name(row)  # type: ignore[attr-defined]
        section = parts.arrangement(view)  # type: ignore[attr-defined]
    if "data" in formats:
        record = whole_numbers(full_record(e, settings, internal=True))  # e is already a public entry
        data = {
            k: whole_numbers(v) for k, v in _data_row(e, record, row, settings).items() if k in pub.columns
        }
        csv_line = _csv_line(
            {**data, **{k: "; ".join(data[k]) for k in LIST_COLUMNS if k in data}}, pub.columns
        )
        json_line = clean(json.dumps({**data, "record": record}, ensure_ascii=False))
    return Part(row, page, section, csv_line, json_line)


def assemble(parts: list[Part], pub: Publication, *, left_out: int = 0) -> Iterator[tuple[str, str]]:
    """The files made of every arrangement's part: index.html, register.md and the open data.

    ``left_out`` register files could not be read: each of these files says how many."""
    settings, formats, templates = pub.settings, pub.formats, pub.templates
    index = build_index([p.row for p in parts], settings, pub.anchor, left_out)
    if "html" in formats:
        yield "index.html", templates["index.html"].render(page=pub.index_page, register=index)
        yield (
            "accessibility.html",
            templates["accessibility.html"].render(page=pub.index_page, statement=statement(settings)),
        )
    if "markdown" in formats:
        sections = [p.section for p in sorted(parts, key=lambda p: register_order(p.row))]
        # partreg's own file names: links as they are
        downloads = ", ".join(
            f"[{d.name}]({d.name})" for d in pub.index_page.downloads if d.name != "register.md"
        )
        page_md = {
            "council": settings.council,
            "title": settings.title,
            "generated": pub.index_page.generated_on,
            "downloads": Raw(downloads or "none"),
        }
        yield (
            "register.md",
            templates["register.md"].render(page=page_md, register=index, arrangements=sections),
        )
    if "data" in formats:
        by_id = sorted(parts, key=lambda p: p.row.id)
        yield (
            "register.csv",
            _csv_line(dict(zip(pub.columns, pub.columns, strict=True)), pub.columns)
            + "".join(p.csv for p in by_id),
        )
        head = {
            "council": clean(settings.council),
            "title": clean(settings.title),
            "published": pub.today.isoformat(),
            "format": f"partreg register v{FORMAT_VERSION}",
            "files_left_out": left_out,
        }
        # one arrangement a line: readable, and encoded by json's C encoder (indent= would use the slow one)
        opening = clean(json.dumps(head, ensure_ascii=False))[:-1]
        yield (
            "register.json",
            opening + ', "arrangements": [\n' + ",\n".join(p.json for p in by_id) + "\n]}\n",
        )
    if pub.feed:
        yield FEED, pub.feed
    for x in pub.extra:
        yield x.name, x.text


def change_views(changes: dict[str, list[PublicChange]]) -> dict[str, list[ChangeView]]:
    """Each arrangement's public changes as its page lists them, newest first, by id."""
    return {
        key: [ChangeView(uk_date(dt.date.fromisoformat(c.day)), c.day, c.what, c.summary) for c in found]
        for key, found in changes.items()
    }


def statement(settings: Settings) -> Statement:
    """The accessibility statement's facts, from ``publish.accessibility`` in the settings."""
    said = settings.publish.accessibility
    contact = clean(said.contact)
    if "@" in contact and " " not in contact and not contact.startswith("mailto:"):
        url = safe_url(f"mailto:{contact}")
    else:
        url = safe_url(contact)
    return Statement(
        status=said.status or "",
        contact=contact,
        contact_url=url,
        issues=[clean(i) for i in said.issues],
        prepared=uk_date(said.prepared),
        url=clean(settings.publish.url),
    )


def render_site(
    entries: list[Arrangement],
    settings: Settings,
    today: dt.date,
    dirs: list[Path],
    *,
    formats: Iterable[str] = ("html", "markdown"),
    last_changed: dict[str, str] | None = None,
) -> Iterator[tuple[str, str]]:
    """``(relative path, content)`` for every file of the site, one at a time, in this process.

    Only public copies of the entries (``export.public_entry``) are rendered.
    """
    pub = replace(
        publication(settings, today, dirs, formats, last_changed), ids=frozenset(e.id for e in entries)
    )
    parts = [render_part(e, pub) for e in public_entries(entries, settings)]
    if "html" in pub.formats:
        for part in parts:
            yield f"arrangements/{part.row.id}.html", part.page
    yield from assemble(parts, pub)


def whole_numbers(value: Any) -> Any:
    """``value`` with every whole float an int, at any depth: open data writes ``25000``, not ``25000.0``."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {k: whole_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [whole_numbers(v) for v in value]
    return value


def _data_row(e: Arrangement, public: dict[str, Any], row: Row, settings: Settings) -> dict[str, Any]:
    """One arrangement's line of the open data: what is not recorded is ``None`` (an empty CSV cell,
    ``null`` in JSON). ``status`` is the status in fact (ended once the end has passed); ``record``
    beside it holds the file as written."""

    def text(value: Any) -> str | None:
        return None if value is None else clean(value)

    lead = public.get("lead", {})
    last = last_review(e)
    return {
        "id": e.id,
        "title": text(e.title),
        "kind": e.kind.value if e.kind else None,
        "status": None if row.status == "not-recorded" else row.status,
        "summary": text(public.get("summary")),
        "lead_role": text(lead.get("role")),
        "lead_service": text(lead.get("service")),
        "lead_member": text(lead.get("member")),
        "priorities": row.priorities,
        "partners": [clean(p["name"]) for p in public["partners"] if p.get("name")],
        "statutory_basis": text(public.get("statutory_basis")),
        "start": public.get("start"),
        "end": public.get("end"),
        "council_funding_gbp": public.get("resources", {}).get("council", {}).get("funding_gbp"),
        "contract_value_gbp": public.get("contract", {}).get("value_gbp"),
        "funding_amount_gbp": public.get("funding", {}).get("amount_gbp"),
        "last_review": last.iso if last else None,
        "next_review": row.next_review_sort or None,
        "page": row.url,
        **_data_row_1_1(e, public, settings),
    }


def _data_row_1_1(e: Arrangement, public: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """The open data's columns for the fields of format 1.1; ``e`` is a public entry."""
    year, money = latest_contributions(e)
    contract = e.contract
    history = sorted(
        (r for r in (e.review.history if e.review else []) if r.date),
        key=lambda r: r.date.earliest if r.date else dt.date.min,
    )
    level, basis = significance_shown(e, settings)
    return {
        "form": e.form,
        "representatives": [representative(r) for r in e.representatives],
        "decisions": [
            decision(d) + (f" <{safe_url(d.url)}>" if safe_url(d.url) else "") for d in e.decisions
        ],
        "reporting_committee": clean(e.reporting.committee)
        if e.reporting and e.reporting.committee
        else None,
        "reporting_months": e.reporting.months if e.reporting else None,
        "last_report": e.reporting.last_report.iso if e.reporting and e.reporting.last_report else None,
        "contributions_year": year,
        "council_cash_gbp": money.get("cash"),
        "council_in_kind_gbp": money.get("in_kind"),
        "council_loan_gbp": money.get("loan"),
        "partners_total_gbp": money.get("partners"),
        "contract_annual_value_gbp": contract.annual_value_gbp if contract else None,
        "contract_whole_life_value_gbp": contract.whole_life_value_gbp if contract else None,
        "contract_extensions": [extension(x) for x in contract.extensions] if contract else [],
        "rating": e.rating,
        "last_review_outcome": history[-1].outcome if history else None,
        "significance": level or None,
        "significance_basis": basis or None,
        "replaces": list(e.replaces),
        "replaced_by": list(e.replaced_by),
        "last_verified": e.last_verified.iso if e.last_verified else None,
    }


_csv_buffer = io.StringIO()
_csv_writer = csv_writer(_csv_buffer)


def _csv_line(record: dict[str, Any], columns: tuple[str, ...]) -> str:
    """One line of register.csv, its cells in the order of ``columns`` (the csv module quotes
    what needs quoting)."""
    _csv_buffer.seek(0)
    _csv_buffer.truncate()
    _csv_writer.writerow([spreadsheet_safe("" if record[k] is None else record[k]) for k in columns])
    return _csv_buffer.getvalue()
