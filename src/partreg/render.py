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
import secrets
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
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
NO_HTML = Markup("")

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


@dataclass
class Row:
    """One arrangement in the index; ``render_part`` adds its fragments, ``build_index`` its anchor."""

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
    html: Markup = NO_HTML  # its row of index.html's table (index_parts.html)
    html_item: Markup = NO_HTML  # its line in index.html's lists by priority
    md: str = ""  # its row of register.md's table (register_parts.md)

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
    """A value as published text: ``None`` as empty, without characters that reorder text on
    screen. Every text from a register or its settings reaches the context through here."""
    if value is None:
        return ""
    text = str(value)
    return text if text.isascii() else BIDI_CONTROLS.sub("", text)


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


def register_order(row: Row) -> tuple[bool, str]:
    """The order of the published register: current arrangements first, then by title."""
    return row.status == "ended", row.title.casefold()


def build_index(rows: list[Row], settings: Settings, anchor: str = "") -> Index:
    """The index of ``rows`` (in file order). Each row's Markdown anchor is decided here, where
    every title is known: the ``anchor`` that stood for it in the row's Markdown is replaced."""
    ordered = sorted(rows, key=register_order)
    headings = [f"{settings.title}: {settings.council}", *SECTION_HEADINGS.values(), "Arrangements"]
    slugs = github_slugs([*headings, *(r.title for r in ordered)])[len(headings) :]
    for row, slug in zip(ordered, slugs, strict=True):
        row.anchor_md = f"#{slug}"
        if anchor:
            row.md = row.md.replace(anchor, quote(slug, safe=_URL_SAFE))
    sections = []
    for kind in Kind:
        kind_rows = [r for r in ordered if r.kind == kind.value]
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
        Priority(clean(pid), clean(name), [r for r in ordered if clean(pid) in r.priority_ids])
        for pid, name in settings.priorities.items()
    ]
    statuses = sorted({r.status for r in rows}, key=["active", "proposed", "ended"].index)
    introduction = clean(settings.publish.introduction or DEFAULT_INTRODUCTION)
    return Index(introduction, counts, sections, priorities, statuses)


def _row(e: Arrangement, settings: Settings, review: ReviewSettings, anchor: str) -> Row:
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
        anchor_md=f"#{anchor}",
        kind=e.kind.value,
        kind_label=KIND_LABELS[e.kind],
        status=e.status.value,
        partners=partners,
        purpose=clean(e.summary),
        lead_service=clean(e.lead.service),
        priorities=priorities,
        priority_ids=[clean(p) for p in e.priorities],
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
        auto_reload=False,
    )
    markdown = Environment(
        loader=loader,
        autoescape=False,
        undefined=StrictUndefined,
        finalize=md,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    markdown.globals.update(raw=Raw, md_link=md_link)
    return html, markdown


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


def publication(
    settings: Settings,
    today: dt.date,
    dirs: list[Path],
    formats: Iterable[str] = ("html", "markdown", "data"),
    last_changed: dict[str, str] | None = None,
) -> Publication:
    """Everything rendering needs that is the same for every arrangement: templates compiled once,
    the pages' shared head, and the settings."""
    html, markdown = environments(dirs)
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
    templates = {
        "index.html": html.get_template("index.html"),
        "arrangement.html": html.get_template("arrangement.html"),
        "index_parts.html": html.get_template("index_parts.html"),
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
    row = _row(e, settings, settings.review, pub.anchor)
    view = arrangement_view(e, settings, pub.changed.get(e.id, ""))
    page = section = csv_line = json_line = ""
    if "html" in formats:
        page = templates["arrangement.html"].render(page=pub.page, a=view)
        parts = templates["index_parts.html"].module
        row.html, row.html_item = parts.row(row, MONEY_LABELS[e.kind]), parts.item(row)  # type: ignore[attr-defined]
    if "markdown" in formats:
        parts = templates["register_parts.md"].module
        row.md = parts.row(row)  # type: ignore[attr-defined]
        section = parts.arrangement(view)  # type: ignore[attr-defined]
    if "data" in formats:
        record = full_record(e, settings, internal=True)  # e is already a public entry
        data = _data_row(e, record, row)
        csv_line = _csv_line(
            {**data, "priorities": "; ".join(data["priorities"]), "partners": "; ".join(data["partners"])}
        )
        json_line = clean(json.dumps({**data, "record": record}, ensure_ascii=False))
    return Part(row, page, section, csv_line, json_line)


def assemble(parts: list[Part], pub: Publication) -> Iterator[tuple[str, str]]:
    """The files made of every arrangement's part: index.html, register.md and the open data."""
    settings, formats, templates = pub.settings, pub.formats, pub.templates
    index = build_index([p.row for p in parts], settings, pub.anchor)
    if "html" in formats:
        yield "index.html", templates["index.html"].render(page=pub.index_page, register=index)
    if "markdown" in formats:
        sections = [p.section for p in sorted(parts, key=lambda p: register_order(p.row))]
        page_md = {"council": settings.council, "title": settings.title, "generated": pub.today.isoformat()}
        yield (
            "register.md",
            templates["register.md"].render(page=page_md, register=index, arrangements=sections),
        )
    if "data" in formats:
        by_id = sorted(parts, key=lambda p: p.row.id)
        yield (
            "register.csv",
            _csv_line(dict(zip(CSV_COLUMNS, CSV_COLUMNS, strict=True))) + "".join(p.csv for p in by_id),
        )
        head = {
            "council": clean(settings.council),
            "title": clean(settings.title),
            "published": pub.today.isoformat(),
            "format": "partreg register v1",
        }
        # one arrangement a line: readable, and encoded by json's C encoder (indent= would use the slow one)
        opening = clean(json.dumps(head, ensure_ascii=False))[:-1]
        yield (
            "register.json",
            opening + ', "arrangements": [\n' + ",\n".join(p.json for p in by_id) + "\n]}\n",
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
    pub = publication(settings, today, dirs, formats, last_changed)
    parts = [render_part(e, pub) for e in public_entries(entries, settings)]
    if "html" in pub.formats:
        for part in parts:
            yield f"arrangements/{part.row.id}.html", part.page
    yield from assemble(parts, pub)


def _data_row(e: Arrangement, public: dict[str, Any], row: Row) -> dict[str, Any]:
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


_csv_buffer = io.StringIO()
_csv_writer = csv.writer(_csv_buffer, lineterminator="\r\n")


def _csv_line(record: dict[str, Any]) -> str:
    """One line of register.csv, its cells in the order of ``CSV_COLUMNS`` (the csv module quotes
    what needs quoting)."""
    _csv_buffer.seek(0)
    _csv_buffer.truncate()
    _csv_writer.writerow([_spreadsheet_safe("" if record[k] is None else record[k]) for k in CSV_COLUMNS])
    return clean(_csv_buffer.getvalue())
