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
import csv
import datetime as dt
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from partreg import __version__
from partreg.classify import DEFINITIONS
from partreg.export import full_record, public_entries
from partreg.models import KIND_LABELS, Arrangement, Kind, ReviewSettings, Settings
from partreg.review import next_review

SECTION_HEADINGS = {
    Kind.PARTNERSHIP: "Partnerships",
    Kind.CONTRACT: "Contracts",
    Kind.JOINT_WORKING: "Joint working arrangements",
    Kind.COMMUNITY_FUNDING: "Community funding arrangements",
}
MONEY_LABELS = {
    Kind.PARTNERSHIP: "Council contribution",
    Kind.CONTRACT: "Contract value",
    Kind.JOINT_WORKING: "Council contribution",
    Kind.COMMUNITY_FUNDING: "Funding",
}
DEFAULT_INTRODUCTION = (
    "This register lists the partnerships and other arrangements the council has entered with other "
    "bodies: partnerships, contracts, joint working and community funding, each as the council's "
    "partnership policy defines it. The register is reviewed annually and updated accordingly."
)
#: Characters that reorder text on screen (the "Trojan Source" trick): removed from every published value.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")
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
)


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


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    url: str
    anchor_md: str
    kind: str
    kind_label: str
    status: str
    partners: str
    purpose: str
    lead_service: str
    priorities: list[str]
    priority_ids: list[str]
    money: str
    money_sort: str
    next_review: str
    search: str


@dataclass(frozen=True)
class Section:
    kind: str
    heading: str
    anchor: str
    definition: str
    caption: str
    money_label: str
    columns: list[str]
    rows: list[Row]


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    anchor: str
    count: int


@dataclass(frozen=True)
class Priority:
    id: str
    name: str
    entries: list[Row]


@dataclass(frozen=True)
class Index:
    introduction: str
    kind_counts: list[KindCount]
    sections: list[Section]
    priorities: list[Priority]
    statuses: list[str]


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


@dataclass(frozen=True)
class ArrangementView:
    id: str
    title: str
    kind_label: str
    definition: str
    status: str
    summary: str
    lead: str
    member: str
    email: str
    phone: str
    priorities: list[str]
    partners: list[str]
    start: str
    end: str
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

    @property
    def facts(self) -> list[tuple[str, str]]:
        """The page's list of facts, in order, leaving out those not recorded."""
        pairs = [
            ("Kind", self.kind_label),
            ("Status", self.status.capitalize()),
            ("Lead", self.lead),
            ("Lead councillor", self.member),
            ("Email", self.email),
            ("Phone", self.phone),
            ("Corporate priorities", ", ".join(self.priorities)),
            ("Started", self.start),
            ("Ends", self.end),
            ("Statutory basis", self.statutory_basis),
            ("Agreement", self.agreement),
            ("Significance", self.significance),
            ("Assurance rating", self.rating),
            ("Next review", self.next_review),
            ("Last changed", self.last_changed),
        ]
        return [(label, value) for label, value in pairs if value]


# --------------------------------------------------------------------------- values


def clean(value: Any) -> str:
    """A value as text, ``None`` as empty. (Bidirectional controls are removed from each whole
    published file, in ``render_site``: partreg's own templates contain none.)"""
    return "" if value is None else str(value)


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


def pounds(value: float | None) -> str:
    if value is None:
        return ""
    return f"£{value:,.0f}" if float(value).is_integer() else f"£{value:,.2f}"


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


def build_index(
    entries: list[Arrangement], settings: Settings, today: dt.date
) -> tuple[Index, dict[str, Row]]:
    review = settings.review
    ordered = sorted(entries, key=lambda e: (e.status == "ended", e.title.casefold()))
    headings = [f"{settings.title}: {settings.council}", *SECTION_HEADINGS.values(), "Arrangements"]
    slugs = github_slugs([*headings, *(clean(e.title) for e in ordered)])[len(headings) :]
    rows = {e.id: _row(e, settings, review, today, slug) for e, slug in zip(ordered, slugs, strict=True)}
    sections = []
    for kind in Kind:
        kind_rows = [rows[e.id] for e in ordered if e.kind is kind]
        sections.append(
            Section(
                kind=kind.value,
                heading=SECTION_HEADINGS[kind],
                anchor=kind.value,
                definition=f"The council's policy defines {KIND_LABELS[kind].lower()} as {DEFINITIONS[kind]}.",
                caption=f"{SECTION_HEADINGS[kind]} ({len(kind_rows)})",
                money_label=MONEY_LABELS[kind],
                columns=[
                    "Name",
                    "Partners",
                    "Purpose",
                    "Lead service",
                    "Priorities",
                    MONEY_LABELS[kind],
                    "Next review",
                ],
                rows=kind_rows,
            )
        )
    counts = [KindCount(s.kind, s.heading, s.anchor, len(s.rows)) for s in sections]
    priorities = [
        Priority(pid, clean(name), [rows[e.id] for e in ordered if pid in e.priorities])
        for pid, name in settings.priorities.items()
    ]
    statuses = sorted({e.status.value for e in entries}, key=["active", "proposed", "ended"].index)
    introduction = clean(settings.publish.introduction or DEFAULT_INTRODUCTION)
    return Index(introduction, counts, sections, priorities, statuses), rows


def _row(e: Arrangement, settings: Settings, review: ReviewSettings, today: dt.date, slug: str) -> Row:
    names = settings.priorities
    money: float | None = None
    if e.kind is Kind.CONTRACT and e.contract:
        money = e.contract.value_gbp
    elif e.kind is Kind.COMMUNITY_FUNDING and e.funding:
        money = e.funding.amount_gbp
    elif e.resources and e.resources.council:
        money = e.resources.council.funding_gbp
    staff = e.resources.council.staff if e.resources and e.resources.council else None
    upcoming = "" if e.status == "ended" else next_review(e, review).isoformat()
    partners = "; ".join(clean(p.name) for p in e.partners)
    priorities = [clean(names.get(p, p)) for p in e.priorities]
    search = " ".join(
        [clean(e.title), partners, clean(e.summary), clean(e.lead.service), *priorities, KIND_LABELS[e.kind]]
    )
    return Row(
        id=e.id,
        title=clean(e.title),
        url=f"arrangements/{e.id}.html",
        anchor_md=f"#{slug}",
        kind=e.kind.value,
        kind_label=KIND_LABELS[e.kind],
        status=e.status.value,
        partners=partners,
        purpose=clean(e.summary),
        lead_service=clean(e.lead.service),
        priorities=priorities,
        priority_ids=list(e.priorities),
        money=pounds(money) or clean(staff),
        money_sort="" if money is None else f"{money:.2f}",
        next_review=upcoming,
        search=search.casefold(),
    )


def arrangement_view(e: Arrangement, settings: Settings, last_changed: str = "") -> ArrangementView:
    """One arrangement's page content; ``e`` is a public entry (``export.public_entry``)."""
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
                    o.by and f"by {o.by}",
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
        if e.risks:
            risks = [
                clean(k.description)
                + (f" (likelihood {k.likelihood}, impact {k.impact})" if k.likelihood and k.impact else "")
                + (f" — mitigation: {clean(k.mitigation)}" if k.mitigation else "")
                for k in e.risks
            ]
            elements.append(Element("Risks", risks))
        months = e.review.months if e.review and e.review.months else None
        timescale = ", ".join(
            x for x in (months and f"reviewed every {months} months", e.end and f"ends on {e.end}") if x
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
                    ("Procured by", clean(c.procurement_route)),
                    ("Supplier registration", clean(c.supplier_registration)),
                ],
            )
        )
    if e.funding:
        f = e.funding
        period = f"{f.period_start} to {f.period_end}" if f.period_start and f.period_end else ""
        details.append(
            Detail(
                "Funding",
                [("Amount", pounds(f.amount_gbp)), ("Period", period)],
                [clean(a) for a in f.actions],
            )
        )
    if e.exit_strategy:
        details.append(Detail("Exit strategy", [("Exit strategy", clean(e.exit_strategy))]))
    agreement = ""
    if e.agreement and e.agreement.type != "none":
        kind_of = e.agreement.type.replace("-", " ").capitalize()
        said = " ".join(
            x for x in (clean(e.agreement.reference), e.agreement.date and f"({e.agreement.date})") if x
        )
        agreement = f"{kind_of}: {said}" if said else kind_of
    history = e.review.history if e.review else []
    return ArrangementView(
        id=e.id,
        title=clean(e.title),
        kind_label=KIND_LABELS[e.kind],
        definition=f"The council's policy defines {KIND_LABELS[e.kind].lower()} as {DEFINITIONS[e.kind]}.",
        status=e.status.value,
        summary=clean(e.summary),
        lead=f"{clean(e.lead.role)}, {clean(e.lead.service)}",
        member=clean(e.lead.member),
        email=clean(e.lead.email),
        phone=clean(e.lead.phone),
        priorities=[clean(names.get(p, p)) for p in e.priorities],
        partners=[
            clean(p.name) + (f" ({p.sector})" if p.sector else "") + (f": {clean(p.role)}" if p.role else "")
            for p in e.partners
        ],
        start=e.start.isoformat(),
        end=e.end.isoformat() if e.end else "",
        statutory_basis=clean(e.statutory_basis),
        agreement=agreement,
        significance=clean(e.significance),
        rating=clean(e.rating),
        next_review="" if e.status == "ended" else next_review(e, settings.review).isoformat(),
        last_changed=last_changed,
        elements=elements,
        details=details,
        reviews=[
            ReviewView(r.date.isoformat(), r.outcome, clean(r.by), clean(r.notes))
            for r in sorted(history, key=lambda r: r.date, reverse=True)
        ],
        links=[LinkView(clean(link.title), safe_url(link.url)) for link in e.links],
    )


# --------------------------------------------------------------------------- Markdown


class Raw(str):
    """Markdown partreg built itself (escaped parts already); passed through unescaped."""


#: Characters that change meaning anywhere in a line (emphasis, links, code, HTML, tables, entities).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
#: What starts a block (heading, quote, list, setext underline) when it begins the text.
_MD_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def md(value: Any) -> str:
    """Text that Markdown shows as written: one line, no HTML, nothing that starts a block."""
    if isinstance(value, Raw):
        return value
    text = " ".join(clean(value).split())  # a newline would end a table row or start a block
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def md_link(text: str, target: str) -> Raw:
    target = target if target.startswith("#") else (safe_url(target) or "")
    return Raw(f"[{md(text)}](<{quote(target, safe=':/#?&=%@+,;~')}>)" if target else md(text))


# --------------------------------------------------------------------------- the site


def template_dirs(register_root: Path | None, package_templates: Path) -> list[Path]:
    """A register's own ``templates/`` first (to override any template), then partreg's."""
    own = register_root / "templates" if register_root else None
    return [d for d in (own, package_templates) if d is not None and d.is_dir()]


def environments(dirs: list[Path]) -> tuple[Environment, Environment]:
    loader = ChoiceLoader(
        [FileSystemLoader([d / "html" for d in dirs]), FileSystemLoader([d / "markdown" for d in dirs])]
    )
    html = Environment(
        loader=loader,
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    markdown = Environment(
        loader=loader, autoescape=False, undefined=StrictUndefined, finalize=md, keep_trailing_newline=True
    )
    markdown.globals.update(raw=Raw, md_link=md_link)
    return html, markdown


def render_site(
    entries: list[Arrangement],
    settings: Settings,
    today: dt.date,
    dirs: list[Path],
    *,
    formats: Iterable[str] = ("html", "markdown"),
    last_changed: dict[str, str] | None = None,
) -> Iterator[tuple[str, str]]:
    """``(relative path, content)`` for every file of the site, one at a time.

    Only public copies of the entries (``export.public_entry``) are rendered,
    and characters that reorder text on screen are removed from every file.
    """
    for name, content in _render(entries, settings, today, dirs, formats, last_changed or {}):
        yield name, BIDI_CONTROLS.sub("", content)


def _render(
    entries: list[Arrangement],
    settings: Settings,
    today: dt.date,
    dirs: list[Path],
    formats: Iterable[str],
    changed: dict[str, str],
) -> Iterator[tuple[str, str]]:
    entries = public_entries(entries, settings)
    html, markdown = environments(dirs)
    index, rows = build_index(entries, settings, today)
    views = {e.id: arrangement_view(e, settings, changed.get(e.id, "")) for e in entries}
    wanted = set(formats)
    if "html" in wanted:
        style = html.loader.get_source(html, "style.css")[0]  # type: ignore[union-attr]
        script = html.loader.get_source(html, "filter.js")[0]  # type: ignore[union-attr]
        index_page = Page(
            council=clean(settings.council),
            title=clean(settings.title),
            generated=today.isoformat(),
            version=__version__,
            root="",
            style=Markup(style),
            script=Markup(script),
            csp=_csp(style, script),
        )
        yield "index.html", html.get_template("index.html").render(page=index_page, register=index)
        page = replace(index_page, root="../", script=None, csp=_csp(style, None))
        template = html.get_template("arrangement.html")
        for e in entries:
            yield f"arrangements/{e.id}.html", template.render(page=page, a=views[e.id])
    if "markdown" in wanted:
        ordered = [
            views[e.id] for e in sorted(entries, key=lambda e: (e.status == "ended", e.title.casefold()))
        ]
        page_md = {"council": settings.council, "title": settings.title, "generated": today.isoformat()}
        yield (
            "register.md",
            markdown.get_template("register.md").render(page=page_md, register=index, arrangements=ordered),
        )
    if "data" in wanted:
        yield "register.csv", open_data_csv(entries, settings, rows)
        yield "register.json", open_data_json(entries, settings, today, rows)


def _data_row(e: Arrangement, settings: Settings, row: Row) -> dict[str, Any]:
    public = full_record(e, settings, internal=True)  # e is already a public entry
    history = public.get("review", {}).get("history", [])
    return {
        "id": e.id,
        "title": clean(e.title),
        "kind": e.kind.value,
        "status": e.status.value,
        "summary": clean(public.get("summary")),
        "lead_role": clean(public["lead"]["role"]),
        "lead_service": clean(public["lead"]["service"]),
        "lead_member": clean(public["lead"].get("member")),
        "priorities": row.priorities,
        "partners": [clean(p["name"]) for p in public["partners"]],
        "statutory_basis": clean(public.get("statutory_basis")),
        "start": public["start"],
        "end": public.get("end") or "",
        "council_funding_gbp": public.get("resources", {}).get("council", {}).get("funding_gbp"),
        "contract_value_gbp": public.get("contract", {}).get("value_gbp"),
        "funding_amount_gbp": public.get("funding", {}).get("amount_gbp"),
        "last_review": max((h["date"] for h in history), default=""),
        "next_review": row.next_review,
        "page": row.url,
    }


def _spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def open_data_csv(entries: list[Arrangement], settings: Settings, rows: dict[str, Row]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for e in sorted(entries, key=lambda e: e.id):
        record = _data_row(e, settings, rows[e.id])
        record["priorities"] = "; ".join(record["priorities"])
        record["partners"] = "; ".join(record["partners"])
        writer.writerow({k: _spreadsheet_safe("" if v is None else v) for k, v in record.items()})
    return buffer.getvalue()


def open_data_json(
    entries: list[Arrangement], settings: Settings, today: dt.date, rows: dict[str, Row]
) -> str:
    head = {
        "council": clean(settings.council),
        "title": clean(settings.title),
        "published": today.isoformat(),
        "format": "partreg register v1",
    }
    items = [
        json.dumps(
            {**_data_row(e, settings, rows[e.id]), "record": full_record(e, settings, internal=True)},
            ensure_ascii=False,
        )
        for e in sorted(entries, key=lambda e: e.id)
    ]
    # one arrangement a line: readable, and encoded by json's C encoder (indent= would use the slow one)
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    return opening + ', "arrangements": [\n' + ",\n".join(items) + "\n]}\n"
