"""The published site, assembled: every arrangement's part (its page, its row of the index, its
section of the Markdown and its lines of open data, rendered on its own, in a worker for a large
register), then the files made of all of them.

What a template shows is worked out before it is rendered, into a declared context: the index
(:mod:`partreg.indexview`), an arrangement's page (:mod:`partreg.pageview`), the open data
(:mod:`partreg.registerdata`); templates only place it. Only public fields reach the context
(``export.public_entries``). HTML is autoescaped; Markdown is escaped by the environment's
``finalize`` (:mod:`partreg.markdown`). Every page carries a Content-Security-Policy that allows
only its own inline style and script, by their hashes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jinja2 import (
    Template,
)
from markupsafe import Markup

from partreg import __version__
from partreg import columns as cols
from partreg.export import full_record, public_entries, whole_numbers
from partreg.indexview import Row, build_index, index_row, register_order
from partreg.markdown import Raw, md
from partreg.models import FORMAT_VERSION, Arrangement, IndexColumn, Settings
from partreg.opendata import SiteExport
from partreg.opendata.tables import BOM
from partreg.pageview import ChangeView, arrangement_view
from partreg.published import clean, safe_url, uk_date
from partreg.registerdata import CSV_COLUMNS, LIST_COLUMNS, csv_line, data_row, open_data_columns
from partreg.templating import environments


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


@dataclass(frozen=True)
class Publication:
    """What rendering any arrangement needs, made once: for a large register, before the
    worker processes start, which then share it."""

    settings: Settings
    today: dt.date
    formats: frozenset[str]
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
    extra: tuple[SiteExport, ...] = ()


def publication(
    settings: Settings,
    today: dt.date,
    dirs: list[Path],
    formats: Iterable[str] = ("html", "markdown", "data"),
    *,
    history: dict[str, list[ChangeView]] | None = None,
    feed: str = "",
    extra: Iterable[SiteExport] = (),
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
    #: How many values of its file were set aside as wrong, so are not published (``lint`` says which).
    set_aside: int = 0

    def __reduce__(self) -> tuple[type[Part], tuple[Any, ...]]:
        return Part, (self.row, self.page, self.section, self.csv, self.json, self.set_aside)


def render_part(e: Arrangement, pub: Publication) -> Part:
    """``e``'s share of the site; ``e`` is a public entry (``export.public_entry``)."""
    settings, formats, templates = pub.settings, pub.formats, pub.templates
    row = index_row(e, settings, pub.today, pub.anchor)
    history = pub.history.get(e.id)
    view = arrangement_view(e, settings, pub.today, history[0].date if history else "", pub.ids, history)
    page = section = csv_text = json_line = ""
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
        row.md_cells = {c.value: md(row.cells[c.value].text) for c in pub.index_columns}
        section = parts.arrangement(view)  # type: ignore[attr-defined]
    if "data" in formats:
        record = whole_numbers(full_record(e, settings, internal=True))  # e is already a public entry
        data = {
            k: whole_numbers(v) for k, v in data_row(e, record, row, settings).items() if k in pub.columns
        }
        csv_text = csv_line(
            {**data, **{k: "; ".join(data[k]) for k in LIST_COLUMNS if k in data}}, pub.columns
        )
        json_line = clean(json.dumps({**data, "record": record}, ensure_ascii=False))
    return Part(row, page, section, csv_text, json_line)


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
        yield (  # with a byte-order mark, as every CSV file partreg writes: Excel then reads it as UTF-8
            "register.csv",
            BOM
            + csv_line(dict(zip(pub.columns, pub.columns, strict=True)), pub.columns)
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
) -> Iterator[tuple[str, str]]:
    """``(relative path, content)`` for every file of the site, one at a time, in this process.

    Only public copies of the entries (``export.public_entry``) are rendered.
    """
    pub = replace(publication(settings, today, dirs, formats), ids=frozenset(e.id for e in entries))
    parts = [render_part(e, pub) for e in public_entries(entries, settings)]
    if "html" in pub.formats:
        for part in parts:
            yield f"arrangements/{part.row.id}.html", part.page
    yield from assemble(parts, pub)
